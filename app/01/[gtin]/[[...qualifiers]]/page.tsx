import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { VerifyScreen } from '@/app/verify/_components/verify-screen';
import { digitalLinkOf, lvmLocation } from '@/lib/verification/resolve-digital-link';

export const metadata: Metadata = { title: 'Verify a pack', robots: { index: false } };

type TProps = {
  params: Promise<{ gtin: string; qualifiers?: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * GS1 Digital Link resolution: the QR code printed on a pack
 * (https://<host>/01/<gtin>[/10/<lot>][/21/<serial>][?17=<expiry>]) opens
 * the verdict on that very pack or batch. With
 * linkType=gs1:verificationService, the resolver sends the request on to
 * the saleable-returns verification service (GS1 LVM), as a GS1 resolver
 * routes by link type.
 */
export default async function DigitalLinkPage({ params, searchParams }: TProps) {
  const { gtin, qualifiers = [] } = await params;
  const query = await searchParams;
  const location = lvmLocation(gtin, qualifiers, query);
  if (location) redirect(location);
  return <VerifyScreen input={{ code: digitalLinkOf(gtin, qualifiers, query) }} />;
}
