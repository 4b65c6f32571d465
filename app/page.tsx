import Link from 'next/link';

export default function HomePage() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-12 sm:py-16">
      <section className="max-w-3xl">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">Is this medicine genuine?</h1>
        <p className="mt-4 text-lg text-slate-700">
          PharmaTrace follows every serialized medicine pack from the manufacturer through wholesalers to the pharmacy.
          Each scan is recorded and sealed into a public ledger, so anyone can check a pack and get a verdict that their
          own browser proves, without having to trust us.
        </p>
        <div className="mt-8 flex flex-col gap-3 sm:flex-row">
          <Link href="/verify" className="rounded-lg bg-brand-600 px-6 py-4 text-center text-lg font-semibold text-white hover:bg-brand-700">
            Verify a pack or batch
          </Link>
          <Link href="/sign-in" className="rounded-lg border border-slate-300 bg-white px-6 py-4 text-center text-lg font-semibold text-slate-800 hover:bg-slate-100">
            Sign in to your console
          </Link>
        </div>
      </section>
      <section aria-labelledby="who" className="mt-16">
        <h2 id="who" className="text-xl font-semibold">Who uses it</h2>
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {[
            ['Manufacturers', 'register products and batches, commission serial numbers, pack cases and ship.'],
            ['Distributors', 'receive, verify and ship on, and check saleable returns.'],
            ['Pharmacies', 'verify and dispense each pack with one scan at the counter.'],
            ['Regulators', 'see the whole network, recall batches and audit the ledger.'],
          ].map(([who, what]) => (
            <li key={who} className="rounded-lg border border-slate-200 bg-white p-4">
              <p className="font-semibold text-brand-800">{who}</p>
              <p className="mt-1 text-slate-700">{what}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
