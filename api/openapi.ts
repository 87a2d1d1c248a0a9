/**
 * The OpenAPI 3.1 document: the operations each router entered in the app's registry as it
 * installed its routes (api/openapi/route.ts), with the components they share.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { channelsAt } from '../workflows/channels';

/** A registry for an app's routes, with the API key's security scheme. */
export function openApiRegistry(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'apiKey', { type: 'http', scheme: 'bearer' });
  return registry;
}

/** The document of what `registry` holds. */
export function openApiDocument(registry: OpenAPIRegistry) {
  const doc = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Doorstep API', version: '1' },
  });
  statedRules(doc.components?.schemas?.OrderInput as JsonSchema);
  return doc;
}

type JsonSchema = { properties: Record<string, JsonSchema>; [keyword: string]: unknown };

/**
 * The order's rules that zod checks in code, stated in JSON Schema too so that clients and API
 * fuzzers see them: a known time zone, an E.164 phone, a contact for every channel asked for, exactly
 * one promise.
 */
function statedRules(order: JsonSchema): void {
  const customer = order.properties.customer;
  customer.properties.timezone = {
    ...customer.properties.timezone,
    enum: ['UTC', ...Intl.supportedValuesOf('timeZone')],
  };
  customer.properties.phone = {
    ...customer.properties.phone,
    pattern: String(z.e164()._zod.def.pattern).slice(1, -1),
    description: 'E.164',
  };
  const needs = (field: 'phone' | 'email') => ({
    if: { required: ['channels'], properties: { channels: { contains: { enum: channelsAt(field) } } } },
    then: { required: [field] },
  });
  customer.allOf = [needs('phone'), needs('email')];
  order.oneOf = [
    { required: ['promisedDate'], not: { required: ['promisedWindow'] } },
    { required: ['promisedWindow'], not: { required: ['promisedDate'] } },
  ];
}
