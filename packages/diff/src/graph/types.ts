import type { Contract } from '@pacto/schema';
import type { DiffSide } from '../contract/diff-side.js';

export interface GraphNode {
  name: string;
  version: string;
  ref?: string;
  local?: boolean;
  dependencies?: GraphEdge[];
  /** The loaded bundle (not part of any output); absent on shared shallow copies. */
  bundle?: DiffSide;
}

export interface GraphEdge {
  ref: string;
  required: boolean;
  compatibility: string;
  type: 'dependency' | 'reference';
  node?: GraphNode;
  error?: string;
  shared?: boolean;
  local?: boolean;
}

export interface GraphConflict {
  name: string;
  versions: string[];
}

export interface GraphResult {
  root: GraphNode;
  cycles?: string[][];
  conflicts?: GraphConflict[];
}

/** What the resolver is asked for: one dependency entry as declared. */
export interface DependencyRequest {
  readonly ref: string;
  readonly compatibility: string;
  readonly required: boolean;
}

/** Loads the bundle a dependency points at. Rejects with an Error whose message becomes the edge error. */
export type DependencyFetcher = (request: DependencyRequest) => Promise<DiffSide>;

export interface GraphChange {
  name: string;
  changeType: 'added' | 'removed' | 'version_changed';
  oldVersion?: string;
  newVersion?: string;
}

export interface GraphDiffNode {
  name: string;
  version?: string;
  change?: GraphChange;
  children?: GraphDiffNode[];
}

export interface GraphDiff {
  root: GraphDiffNode;
  changes?: GraphChange[];
}

export type { Contract };
