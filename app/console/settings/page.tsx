import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import { requireActor } from '../_lib/session';
import { AdminOnly } from './_components/admin-only';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const actor = await requireActor('/console/settings');
  if (!can(actor, 'keys:manage') && !can(actor, 'users:manage')) return <AdminOnly what="settings" />;
  return (
    <div>
      <h1 className="text-2xl font-bold">Settings</h1>
      <ul className="mt-6 grid gap-4 sm:grid-cols-2">
        <li className="rounded-lg border border-slate-200 bg-white p-5">
          <Link href="/console/settings/api-keys" className="text-lg font-semibold text-brand-800 underline">
            API keys
          </Link>
          <p className="mt-1 text-slate-700">Connect scanners and ERP systems to record scans for your organisation.</p>
        </li>
        <li className="rounded-lg border border-slate-200 bg-white p-5">
          <Link href="/console/settings/users" className="text-lg font-semibold text-brand-800 underline">
            Users and invites
          </Link>
          <p className="mt-1 text-slate-700">Invite colleagues, change their roles, deactivate accounts.</p>
        </li>
      </ul>
    </div>
  );
}
