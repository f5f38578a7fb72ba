/**
 * JSON Schema (2020-12) validation for the published plan.schema.json, with ajv: every place where a
 * value breaks the schema, as `path keyword detail` (`$.source required sha256`); empty when it conforms.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';

const ajv = new Ajv2020({ allErrors: true, strict: false });

export function validate(schema: Record<string, unknown>, value: unknown): string[] {
  const check = ajv.compile(schema);
  if (check(value)) return [];
  return (check.errors ?? []).map((e) => {
    const params = e.params as { missingProperty?: string; additionalProperty?: string };
    const detail = params.missingProperty ?? params.additionalProperty ?? e.message ?? '';
    return `$${e.instancePath.replace(/\//g, '.')} ${e.keyword} ${detail}`;
  });
}
