const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN = /^[A-Za-z0-9_-]{24,}$/;

/**
 * A request's URL as the logs keep it: the path with any secret-looking segment (a survey link's token, a reset
 * link's) replaced, and no query string (searches carry names and numbers, links carry tokens). Ids stay: they name
 * records, not people, and the logs are read to follow a request.
 */
export function urlForLog(url: string): string {
  const [path = '', query] = url.split('?', 2);
  const kept = path
    .split('/')
    .map((segment) => (TOKEN.test(segment) && !UUID.test(segment) ? '[token]' : segment))
    .join('/');
  return query === undefined ? kept : `${kept}?[query]`;
}
