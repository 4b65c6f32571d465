import { withCheckDigit } from '@/lib/gs1/check-digit';

/**
 * The demo network seeded on first start: one regulator, two manufacturers,
 * two distributors, three pharmacies. The organisations and people are
 * invented; identifiers are well-formed (valid GS1 check digits) but not
 * assigned by GS1 to anyone.
 */
export const DEMO_PASSWORD = 'demo-pharma-2026';

type DemoOrg = {
  key: string;
  name: string;
  role: 'MANUFACTURER' | 'DISTRIBUTOR' | 'PHARMACY' | 'REGULATOR';
  country: string;
  gln: string;
  companyPrefixes: string[];
  users: { email: string; name: string; role: 'ADMIN' | 'OPERATOR' | 'VIEWER' }[];
};

export const DEMO_ORGS: DemoOrg[] = [
  {
    key: 'regulator',
    name: 'National Medicines Verification Authority',
    role: 'REGULATOR',
    country: 'BE',
    gln: withCheckDigit('541000000001'),
    companyPrefixes: [],
    users: [{ email: 'inspector@nmva.example', name: 'Ines Peeters', role: 'ADMIN' }],
  },
  {
    key: 'nordwind',
    name: 'Nordwind Pharma GmbH',
    role: 'MANUFACTURER',
    country: 'DE',
    gln: withCheckDigit('409876500001'),
    companyPrefixes: ['4098765'],
    users: [{ email: 'qa@nordwind.example', name: 'Jonas Becker', role: 'ADMIN' }],
  },
  {
    key: 'lusitania',
    name: 'Lusitania Generics S.A.',
    role: 'MANUFACTURER',
    country: 'PT',
    gln: withCheckDigit('560987600001'),
    companyPrefixes: ['5609876'],
    users: [{ email: 'qa@lusitania.example', name: 'Marta Sousa', role: 'ADMIN' }],
  },
  {
    key: 'rhein',
    name: 'Rhein Pharma Wholesale KG',
    role: 'DISTRIBUTOR',
    country: 'DE',
    gln: withCheckDigit('409123400001'),
    companyPrefixes: [],
    users: [{ email: 'warehouse@rhein.example', name: 'Lukas Weber', role: 'ADMIN' }],
  },
  {
    key: 'centrale',
    name: 'Centrale Répartition SAS',
    role: 'DISTRIBUTOR',
    country: 'FR',
    gln: withCheckDigit('376543200001'),
    companyPrefixes: [],
    users: [{ email: 'warehouse@centrale.example', name: 'Camille Martin', role: 'ADMIN' }],
  },
  {
    key: 'markt',
    name: 'Apotheke am Markt',
    role: 'PHARMACY',
    country: 'DE',
    gln: withCheckDigit('409555500001'),
    companyPrefixes: [],
    users: [{ email: 'counter@apotheke-markt.example', name: 'Anna Schmidt', role: 'ADMIN' }],
  },
  {
    key: 'parc',
    name: 'Pharmacie du Parc',
    role: 'PHARMACY',
    country: 'FR',
    gln: withCheckDigit('376666600001'),
    companyPrefixes: [],
    users: [{ email: 'counter@pharmacie-parc.example', name: 'Louis Bernard', role: 'ADMIN' }],
  },
  {
    key: 'central',
    name: 'Farmácia Central',
    role: 'PHARMACY',
    country: 'PT',
    gln: withCheckDigit('560777700001'),
    companyPrefixes: [],
    users: [{ email: 'counter@farmacia-central.example', name: 'Rita Costa', role: 'ADMIN' }],
  },
];

/**
 * What happens to a lot's packs in the demo story (prisma/seed.ts): the
 * manufacturer commissions `packs`, packs `cases` cases of `caseSize` and
 * ships them to `distributor`, which unpacks them and passes `perPharmacy`
 * packs on to each pharmacy, which dispenses `dispensed` of them. The rest
 * stays in stock along the way. `expireAtDistributor`: the distributor marks
 * its remaining packs expired the day after the expiry date.
 */
type DemoStory = {
  packs: number;
  caseSize: number;
  cases: number;
  distributor: string;
  pharmacies: string[];
  perPharmacy: number;
  dispensed: number;
  expireAtDistributor?: boolean;
};

type DemoProduct = {
  owner: string;
  gtin: string;
  name: string;
  form: string;
  strength: string;
  packSize: number;
  companyPrefixLength: number;
  lots: { lot: string; expiry: string; manufacturedOn: string; story: DemoStory }[];
};

const gtin = (prefix: string, itemRef: string) => withCheckDigit(`0${prefix}${itemRef}`);

export const DEMO_PRODUCTS: DemoProduct[] = [
  {
    owner: 'nordwind',
    gtin: gtin('4098765', '00011'),
    name: 'Amoxicillin 500 mg capsules',
    form: 'capsule',
    strength: '500 mg',
    packSize: 20,
    companyPrefixLength: 7,
    lots: [
      { lot: 'AMX2401', expiry: '2027-03-31', manufacturedOn: '2025-03-01', story: { packs: 240, caseSize: 24, cases: 6, distributor: 'rhein', pharmacies: ['markt', 'parc'], perPharmacy: 24, dispensed: 15 } },
      { lot: 'AMX2402', expiry: '2027-09-30', manufacturedOn: '2025-09-01', story: { packs: 120, caseSize: 24, cases: 2, distributor: 'rhein', pharmacies: ['markt'], perPharmacy: 12, dispensed: 4 } },
    ],
  },
  {
    owner: 'nordwind',
    gtin: gtin('4098765', '00028'),
    name: 'Metformin 850 mg tablets',
    form: 'tablet',
    strength: '850 mg',
    packSize: 60,
    companyPrefixLength: 7,
    lots: [{ lot: 'MET2511', expiry: '2028-05-31', manufacturedOn: '2025-11-03', story: { packs: 144, caseSize: 12, cases: 6, distributor: 'centrale', pharmacies: ['parc', 'central'], perPharmacy: 18, dispensed: 9 } }],
  },
  {
    owner: 'lusitania',
    gtin: gtin('5609876', '00107'),
    name: 'Atorvastatin 20 mg tablets',
    form: 'tablet',
    strength: '20 mg',
    packSize: 30,
    companyPrefixLength: 7,
    lots: [
      { lot: 'ATV-25A', expiry: '2027-12-31', manufacturedOn: '2025-06-15', story: { packs: 120, caseSize: 20, cases: 4, distributor: 'centrale', pharmacies: ['central', 'parc'], perPharmacy: 20, dispensed: 12 } },
      // Expired on 31 January 2026: its last packs sit expired at the wholesaler and in a pharmacy.
      { lot: 'ATV-23Z', expiry: '2026-01-31', manufacturedOn: '2023-02-01', story: { packs: 60, caseSize: 20, cases: 3, distributor: 'centrale', pharmacies: ['central'], perPharmacy: 20, dispensed: 14, expireAtDistributor: true } },
    ],
  },
  {
    owner: 'lusitania',
    gtin: gtin('5609876', '00206'),
    name: 'Insulin glargine 100 U/ml pen',
    form: 'solution for injection',
    strength: '100 U/ml',
    packSize: 5,
    companyPrefixLength: 7,
    lots: [{ lot: 'INS7781', expiry: '2027-06-30', manufacturedOn: '2025-07-01', story: { packs: 96, caseSize: 16, cases: 4, distributor: 'rhein', pharmacies: ['markt'], perPharmacy: 16, dispensed: 6 } }],
  },
];

/** Local time offset of each demo organisation's country (winter time), for event times. */
export const DEMO_TIME_ZONES: Record<string, string> = { BE: '+01:00', DE: '+01:00', FR: '+01:00', PT: '+00:00' };
