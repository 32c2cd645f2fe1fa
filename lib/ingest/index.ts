// Reading articles from files: see read.ts. Storing them: see store.ts.
export { readArticle, detectFormat, type ReadResult } from './read';
export { MAX_FILE_BYTES } from './decode';
export { bodySha256, normaliseText } from './normalise';
export { findJunk, overlapsJunk } from './junk';
export { INPUT_FORMATS, type InputFormat } from './format';
