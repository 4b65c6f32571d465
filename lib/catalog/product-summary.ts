/** A product as the catalogue shows it. */
export type TProduct = {
  gtin: string;
  name: string;
  form: string;
  strength: string;
  packSize: number;
  companyPrefixLength: number;
  owner: { id: string; name: string };
  createdAt: string;
};

export const PRODUCT_COLUMNS = `p.gtin, p.name, p.form, p.strength, p.pack_size, p.company_prefix_length, p.owner_org_id, o.name AS owner_name, p.created_at`;

export type TProductRow = {
  gtin: string;
  name: string;
  form: string;
  strength: string;
  pack_size: number;
  company_prefix_length: number;
  owner_org_id: string;
  owner_name: string;
  created_at: Date;
};

export function toProduct(row: TProductRow): TProduct {
  return {
    gtin: row.gtin,
    name: row.name,
    form: row.form,
    strength: row.strength,
    packSize: row.pack_size,
    companyPrefixLength: row.company_prefix_length,
    owner: { id: row.owner_org_id, name: row.owner_name },
    createdAt: row.created_at.toISOString(),
  };
}
