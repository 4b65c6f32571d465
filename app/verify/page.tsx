export const metadata = { title: 'Verify a pack' };

export default function VerifyPage() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-bold">Verify a pack or batch</h1>
      <p className="mt-2 text-slate-700">Public verification opens here.</p>
    </div>
  );
}
