/**
 * The API contract: the OpenAPI document, its Markdown docs, and the check
 * of an answer against it. For the build, the tests and the conformance
 * tools; no production entry imports it.
 */
export { buildOpenApiDocument, pathTemplate } from './openapi.js';
export type { ContractExamples, OpenApiDocument, OpenApiOperation, OpenApiOptions, OpenApiResponse, OperationExamples, SchemaDescriptions } from './openapi.js';
export { OPERATIONS, contractOperations } from './operations.js';
export type { ContractOperation, OperationEntry } from './operations.js';
export { renderApiDocs } from './markdown.js';
export { answerChecker, schemaChecker } from './answers.js';
export type { ObservedAnswer } from './answers.js';
