export { classifyChange, classifySchemaChange } from './classify-change.js';
export { classifyChanges, isAtLeast, maxClassification } from './change.js';
export type { Change, ChangeLocation, ChangeType, Classification } from './change.js';
export { diffContracts } from './contract/diff-contracts.js';
export type { ContractDiff } from './contract/diff-contracts.js';
export type { DiffOptions } from './contract/diff-options.js';
export type { DiffSide } from './contract/diff-side.js';
export { DiffError, toDiffSide } from './contract/to-diff-side.js';
export type { DiffErrorCode, DiffInput } from './contract/to-diff-side.js';
export { dependencyName, nameFromRef } from './contract/dependency-name.js';
export { diffOpenApi } from './openapi/diff-openapi.js';
export { parseDocument } from './openapi/parse-document.js';
export { DOCUMENT_DEPTH_LIMIT } from './document-depth.js';
export { diffJsonSchema } from './json-schema/diff-json-schema.js';
export { diffSbom } from './sbom/diff-sbom.js';
export type { SbomChange, SbomDiff, SbomFormat } from './sbom/diff-sbom.js';
export { showValue, changeSuffix, formatGoFloat, hasJsonNumbers } from './show-value.js';
export { buildDiffReport, isEmptyReport } from './report.js';
export type { DiffReport, DiffReportInput } from './report.js';
export { renderDiffText, changeLine } from './render/render-diff-text.js';
export { renderDiffMarkdown } from './render/render-diff-markdown.js';
export { renderDiffJson, buildDiffJson, changeJson } from './render/render-diff-json.js';
export { resolveGraph, findConflicts } from './graph/resolve-graph.js';
export type { ResolveGraphOptions } from './graph/resolve-graph.js';
export { diffGraphs } from './graph/diff-graphs.js';
export { edgesDepthFirst, GRAPH_DEPTH_LIMIT } from './graph/walk.js';
export type { EdgeVisit } from './graph/walk.js';
export { compareDependencies } from './graph/compare-dependencies.js';
export type { DependencyDiff } from './graph/compare-dependencies.js';
export { isLocalRef, shortRef } from './graph/local-ref.js';
export { renderGraphTree, renderGraphDiffTree } from './graph/render-tree.js';
export { renderGraphJson, buildGraphJson } from './graph/render-graph-json.js';
export { renderGraphDot } from './graph/render-graph-dot.js';
export { renderGraphMermaid } from './graph/render-graph-mermaid.js';
export type {
  DependencyFetcher,
  DependencyRequest,
  GraphChange,
  GraphConflict,
  GraphDiff,
  GraphDiffNode,
  GraphEdge,
  GraphNode,
  GraphResult,
} from './graph/types.js';
