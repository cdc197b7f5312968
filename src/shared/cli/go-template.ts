import type { JsonValue } from '../types/inspect';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The Go template that prints the value at `path`, as `docker inspect --format` takes it:
 * `{{.HostConfig.Memory}}`, `{{index .Config.Env 0}}`, `{{index .Config.Labels "com.example.key"}}`.
 * Objects and arrays print as JSON (`{{json .HostConfig}}`), as Go's own formatting of them is
 * not what a user can read or parse. Field names must be identifiers in a template; any other key
 * and every array index go through `index`.
 */
export function goTemplate(path: ReadonlyArray<string | number>, value: JsonValue): string {
  let expression = '.';
  let isCall = false;
  for (const segment of path) {
    if (typeof segment === 'string' && IDENTIFIER.test(segment)) {
      const base = isCall ? `(${expression})` : expression === '.' ? '' : expression;
      expression = `${base}.${segment}`;
      isCall = false;
    } else {
      const key = typeof segment === 'number' ? String(segment) : JSON.stringify(segment);
      expression = `index ${isCall ? `(${expression})` : expression} ${key}`;
      isCall = true;
    }
  }
  const composite = value !== null && typeof value === 'object';
  return composite ? `{{json ${isCall ? `(${expression})` : expression}}}` : `{{${expression}}}`;
}
