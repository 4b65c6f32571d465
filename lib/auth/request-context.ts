/** Facts about the request that audit records keep. */
export type TRequestContext = { ip: string | null };
