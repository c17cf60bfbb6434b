// Where generated documents and reports point readers: this project's repository and documentation.

/** The project's home. */
export const PROJECT_URL = 'https://github.com/pacto-ts/pacto';

/** The contract reference (docs/contract-reference.md, generated from the model). */
export const CONTRACT_REFERENCE_URL = `${PROJECT_URL}/blob/main/docs/contract-reference.md`;

/** The 2.0 contract reference (docs/contract-reference-2.0.md). */
export const CONTRACT_REFERENCE_V20_URL = `${PROJECT_URL}/blob/main/docs/contract-reference-2.0.md`;
