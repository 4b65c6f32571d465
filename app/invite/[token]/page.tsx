import type { Metadata } from 'next';
import Link from 'next/link';
import { findOpenInvite } from '@/lib/auth/find-invite';
import { formatDateTime, ORG_ROLE_LABEL, USER_ROLE_LABEL } from '@/app/console/_lib/labels';
import { AcceptInviteForm } from './accept-form';

// The token is in the address: never send it on to another site.
export const metadata: Metadata = { title: 'Accept invite', referrer: 'no-referrer', robots: { index: false, follow: false } };

type TProps = { params: Promise<{ token: string }> };

export default async function InvitePage({ params }: TProps) {
  const { token } = await params;
  const invite = await findOpenInvite(token);
  return (
    <div className="mx-auto max-w-md px-4 py-10 sm:py-16">
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        {invite ? (
          <>
            <h1 className="text-2xl font-bold text-slate-900">Join {invite.orgName}</h1>
            <p className="mt-2 text-slate-700">
              You are invited as {USER_ROLE_LABEL[invite.role].toLowerCase()} of {invite.orgName} ({ORG_ROLE_LABEL[invite.orgRole].toLowerCase()}).
              The invite is valid until {formatDateTime(invite.expiresAt)}.
            </p>
            <AcceptInviteForm token={token} email={invite.email} />
          </>
        ) : (
          <>
            <h1 className="text-2xl font-bold text-slate-900">This invite link cannot be used</h1>
            <p className="mt-2 text-slate-700">
              It may have been used already, withdrawn, or it expired. Ask your organisation&apos;s administrator for a new link.
            </p>
            <Link href="/sign-in" className="mt-6 inline-block rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
              Go to sign-in
            </Link>
          </>
        )}
      </div>
    </div>
  );
}
