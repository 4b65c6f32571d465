import { signOutAction } from './actions';

/** A real form, so signing out works with or without JavaScript and cannot be triggered by a link. */
export function SignOutButton({ className }: { className?: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit" className={className ?? 'rounded px-3 py-2 font-medium text-slate-700 hover:bg-slate-100'}>
        Sign out
      </button>
    </form>
  );
}
