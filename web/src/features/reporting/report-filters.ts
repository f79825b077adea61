/** What a report is filtered by, as its address holds them: empty means the server's default. */
export interface ReportFilterValues {
  creditorId: string;
  mandateId: string;
  from: string;
  to: string;
  /** One team (the conduct page only, for the teams report's readers); empty on the portfolio page. */
  teamId: string;
  /** One placement, an intake batch (the portfolio page only); empty on the conduct page. */
  placementId: string;
}

export const REPORT_FILTER_FIELDS = ['creditorId', 'mandateId', 'from', 'to', 'teamId', 'placementId'] as const;

/** The filters of the address (missing ones empty). */
export function reportFiltersOf(params: URLSearchParams): ReportFilterValues {
  return {
    creditorId: params.get('creditorId') ?? '',
    mandateId: params.get('mandateId') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    teamId: params.get('teamId') ?? '',
    placementId: params.get('placementId') ?? '',
  };
}

/** Only the filters that hold something: the server fills in the rest (the last twelve months, every creditor). */
export function reportQuery(filters: ReportFilterValues): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''));
}
