import { fileStartSpan } from '../../graph/source.js';
import { claimsPangea } from '../claims.js';
import { emptyLoadResult, type FrontEnd, type InputFile, type LoadOptions, type LoadResult } from '../types.js';

/**
 * The Pangea front-end: Ruby files holding `template :name do … end` blocks (or
 * `Pangea.architecture`), read with prism (the official Ruby parser, as WebAssembly) and a static
 * interpreter that never runs the code. Other Ruby files are skipped. The parser and the
 * interpreter are loaded only when a `.rb` file is linted.
 */
export const pangeaFrontEnd: FrontEnd = {
  id: 'pangea',
  claims: claimsPangea,
  async load(files: InputFile[], _options: LoadOptions): Promise<LoadResult> {
    if (files.length === 0) return emptyLoadResult();
    try {
      const { loadPangeaFiles } = await import('./load.js');
      return await loadPangeaFiles(files);
    } catch (error) {
      const result = emptyLoadResult();
      const message = error instanceof Error ? error.message : String(error);
      result.diagnostics.push({ ruleId: 'parse-error', severity: 'error', message: `Pangea front-end failed: ${message}`, span: fileStartSpan(files[0]!.path) });
      return result;
    }
  },
};
