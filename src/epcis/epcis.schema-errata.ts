/**
 * Three places where the official EPCIS 2.0.0 JSON Schema is narrower than the standard it encodes
 * (docs/decisions/004-epcis-disputed-examples.md). The vendored file stays byte-identical; the corrections are
 * applied to an in-memory copy before it is compiled.
 */
export function withErrata(official: unknown): Record<string, any> {
  const schema = structuredClone(official) as Record<string, any>;
  const defs = schema.definitions;

  // The standard (EPCIS 2.0 §7.4.3) and its XSD give AggregationEvent a persistentDisposition; the JSON Schema forgot it.
  const aggregation = defs.AggregationEvent.allOf[1];
  aggregation.properties.persistentDisposition = { $ref: '#/definitions/persistentDisposition' };
  const names = aggregation.propertyNames.anyOf.find((branch: any) => Array.isArray(branch.enum));
  names.enum.push('persistentDisposition');

  // The GS1 Web Vocabulary's measurement types grew after the schema froze its enum (e.g. EffectiveDoseRate):
  // a bare term of the vocabulary's shape is accepted and means gs1:<term>, as the JSON-LD context reads it.
  defs.measurementType.anyOf.push({ type: 'string', pattern: '^[A-Z][A-Za-z0-9]*(_[A-Za-z0-9]+)*$' });

  // An exception report (sensor alert) carries no measurement: the XSD makes `type` optional, the JSON Schema requires
  // it. We ask for a type or an exception.
  const report = defs.sensorReport;
  report.required = (report.required ?? []).filter((name: string) => name !== 'type');
  report.anyOf = [{ required: ['type'] }, { required: ['exception'] }];
  return schema;
}
