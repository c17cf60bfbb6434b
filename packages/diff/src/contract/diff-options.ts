/** Options of a contract comparison. */
export interface DiffOptions {
  /**
   * Receives one line per problem the comparison read past, e.g. a YAML warning in an interface file
   * (`interfaces/api.yaml: line 3, column 7: Unresolved tag: !custom`): the CLI's `-v` output.
   */
  readonly onWarning?: (message: string) => void;
}
