/** A batch as the catalogue shows it. */
export type TBatch = {
  id: string;
  gtin: string;
  productName: string;
  lot: string;
  /** YYYY-MM-DD */
  expiry: string;
  manufacturedOn: string | null;
  status: 'ACTIVE' | 'RECALLED';
  /** The expiry date has passed (UTC). */
  expired: boolean;
  owner: { id: string; name: string };
  createdAt: string;
};

export const BATCH_COLUMNS = `b.id, b.gtin, p.name AS product_name, b.lot, to_char(b.expiry, 'YYYY-MM-DD') AS expiry,
  to_char(b.manufactured_on, 'YYYY-MM-DD') AS manufactured_on, b.status, b.expiry < current_date AS expired,
  p.owner_org_id, o.name AS owner_name, b.created_at`;

export const BATCH_FROM = `batches b JOIN products p ON p.gtin = b.gtin JOIN organisations o ON o.id = p.owner_org_id`;

export type TBatchRow = {
  id: string;
  gtin: string;
  product_name: string;
  lot: string;
  expiry: string;
  manufactured_on: string | null;
  status: 'ACTIVE' | 'RECALLED';
  expired: boolean;
  owner_org_id: string;
  owner_name: string;
  created_at: Date;
};

export function toBatch(row: TBatchRow): TBatch {
  return {
    id: row.id,
    gtin: row.gtin,
    productName: row.product_name,
    lot: row.lot,
    expiry: row.expiry,
    manufacturedOn: row.manufactured_on,
    status: row.status,
    expired: row.expired,
    owner: { id: row.owner_org_id, name: row.owner_name },
    createdAt: row.created_at.toISOString(),
  };
}
