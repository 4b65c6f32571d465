import type { Metadata } from 'next';
import { VerifyScreen } from './_components/verify-screen';
import { verifyInputOf } from './_lib/run-verification';

export const metadata: Metadata = { title: 'Verify a pack or batch' };

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** /verify?code=… (or ?gtin=&serial=&lot=&expiry=): the public verdict; without a query, the form. */
export default async function VerifyPage({ searchParams }: TProps) {
  return <VerifyScreen input={verifyInputOf(await searchParams)} />;
}
