/** How a debtor is named on screens and documents: a company by its name, a person as "First LAST". */
export function debtorName(row: {
  debtor_kind?: string;
  kind?: string;
  first_name: string | null;
  last_name: string | null;
  company_name: string | null;
}): string {
  if (row.company_name && (row.debtor_kind ?? row.kind) === 'company') return row.company_name;
  return [row.first_name, row.last_name?.toUpperCase()].filter(Boolean).join(' ');
}
