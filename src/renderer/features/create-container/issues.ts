/**
 * Puts the shared schema's issues on the form's fields, with a catalog key for each message the UI
 * can say in its own language (the schema's messages are English; they stay as the fallback).
 */
import type { z } from 'zod';
import { createContainerSpec } from '../../../shared/contract/containers';
import { NUL_REFUSAL_END } from '../../../shared/contract/schemas';
import { rowFieldKey, type FieldError, type FieldMessage, type SpecDraft } from './toSpec';

type Issue = z.core.$ZodIssue;

/** The schema's own messages -> keys under `issues` in the `create` catalog. */
const KNOWN_MESSAGES: Record<string, string> = {
  'An image is required.': 'imageRequired',
  'Not a valid image reference.': 'imageRef',
  'A name must start with a letter or digit and use only letters, digits, _ . -': 'containerName',
  'An environment variable name cannot contain = or spaces.': 'envKey',
  'Not a valid IP address.': 'ipAddress',
  'A bind source must be an absolute host path.': 'bindSource',
  'Not a valid volume name.': 'volumeName',
  'A container path must be absolute.': 'containerPath',
  'A path cannot contain a NUL byte.': 'nulByte',
  'A size such as 10m, 512k or 1g.': 'logSize',
  'Memory limit must be at least 6 MiB.': 'memoryMin',
  'CPU limit must be at least 0.001.': 'cpusMin',
  'max-file needs max-size.': 'maxFileNeedsSize',
  'A label key cannot contain = or spaces.': 'labelKey',
};

function describeIssue(issue: Issue): FieldMessage {
  const raw = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
  const known = KNOWN_MESSAGES[raw] ?? (raw.endsWith(NUL_REFUSAL_END) ? 'nulCharacter' : undefined);
  if (known) return { key: known, raw };
  switch (issue.code) {
    case 'invalid_type':
      return { key: issue.expected === 'number' ? 'number' : 'invalid', raw };
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return { key: 'required', raw };
      if (issue.origin === 'number') return { key: 'min', values: { minimum: Number(issue.minimum) }, raw };
      return { raw };
    case 'too_big':
      if (issue.origin === 'number') return { key: 'max', values: { maximum: Number(issue.maximum) }, raw };
      if (issue.origin === 'string') return { key: 'tooLong', values: { maximum: Number(issue.maximum) }, raw };
      if (issue.origin === 'array') return { key: 'tooMany', values: { maximum: Number(issue.maximum) }, raw };
      return { raw };
    case 'invalid_format':
      return { key: 'invalid', raw };
    default:
      return { raw };
  }
}

const SCALAR_FIELDS: Record<string, string> = {
  image: 'image',
  name: 'name',
  command: 'command',
  restartPolicy: 'maxRetries',
  'resources.memoryBytes': 'memory',
  'resources.nanoCpus': 'cpus',
  'resources.pidsLimit': 'pidsLimit',
  'logConfig.maxSize': 'logMaxSize',
  'logConfig.maxFile': 'logMaxFile',
  // The refinement "max-file needs max-size" is about the field left empty.
  logConfig: 'logMaxSize',
};

/** The form field an issue belongs to; `form` when it belongs to none in particular. */
function fieldForPath(path: readonly PropertyKey[], rows: SpecDraft['rows']): string {
  const [section, index, name] = path;
  if ((section === 'env' || section === 'ports' || section === 'mounts') && typeof index === 'number') {
    const rowId = rows[section][index];
    if (rowId) return rowFieldKey(section, rowId, typeof name === 'string' ? name : 'key');
  }
  if (section === 'labels' && typeof index === 'string') {
    const rowId = rows.labels.get(index);
    if (rowId) return rowFieldKey('labels', rowId, 'key');
  }
  const twoLevels = path.slice(0, 2).map(String).join('.');
  return SCALAR_FIELDS[twoLevels] ?? SCALAR_FIELDS[String(section)] ?? 'form';
}

/** Every problem with the form: its own errors first, then the schema's; the first one per field. */
export function validate(draft: SpecDraft): Map<string, FieldMessage> {
  const all: FieldError[] = [...draft.localErrors];
  const parsed = createContainerSpec.safeParse(draft.spec);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      all.push({ field: fieldForPath(issue.path, draft.rows), message: describeIssue(issue) });
    }
  }
  const errors = new Map<string, FieldMessage>();
  for (const { field, message } of all) if (!errors.has(field)) errors.set(field, message);
  return errors;
}
