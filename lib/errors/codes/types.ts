export type TCodeTable = Record<string, { status: number; title: string }>;
