import { describe, expect, it } from 'vitest';
import {
  buildValidationJson,
  codeFrame,
  renderGithubAnnotations,
  renderValidationText,
  validationFindings,
  type ReportedResult,
} from '@pacto/render';

const TEXT = 'pactoVersion: "1.0"\nservice:\n  name: svc\n  version: 1.0.0\ninterfaces:\n  - name: api\n    visiblity: public\n';

const RESULT: ReportedResult = {
  valid: false,
  errors: [
    {
      path: '',
      code: 'PARSE_ERROR',
      message: 'unknown field "visiblity" in interfaces[0]',
      hint: 'did you mean "visibility"?',
      file: 'svc/pacto.yaml',
      line: 7,
      column: 5,
    },
    { path: '', code: 'PARSE_ERROR', message: 'no pacto.yaml found in other', hint: 'run `pacto init <name>` to create one' },
  ],
  warnings: [{ path: 'dependencies[0].ref', code: 'TAG_NOT_DIGEST', message: 'pin it', file: 'svc/pacto.yaml', line: 9, column: 10 }],
};

describe('validation report', () => {
  it('text: the Go line with the hint and the place appended, whatever the output is', () => {
    expect(renderValidationText('svc', RESULT)).toEqual({
      stdout: 'svc is invalid\n',
      stderr:
        '  ERROR [PARSE_ERROR] : unknown field "visiblity" in interfaces[0]; did you mean "visibility"? (svc/pacto.yaml:7:5)\n' +
        '  ERROR [PARSE_ERROR] : no pacto.yaml found in other; run `pacto init <name>` to create one\n' +
        '  WARN  [TAG_NOT_DIGEST] dependencies[0].ref: pin it (svc/pacto.yaml:9:10)\n',
    });
  });

  it('text: a finding without its own file uses the contract file name given', () => {
    const result: ReportedResult = { valid: false, errors: [{ path: 'scaling', code: 'SCALING_MIN_EXCEEDS_MAX', message: 'min > max', line: 3, column: 3 }], warnings: [] };
    expect(renderValidationText('svc', result, { fileName: 'svc/pacto.yaml' }).stderr).toBe(
      '  ERROR [SCALING_MIN_EXCEEDS_MAX] scaling: min > max (svc/pacto.yaml:3:3)\n',
    );
  });

  it('text with sources (a terminal): a code frame under each located finding', () => {
    const { stderr } = renderValidationText('svc', RESULT, { source: (file) => (file === 'svc/pacto.yaml' ? TEXT : undefined) });
    expect(stderr).toBe(
      '  ERROR [PARSE_ERROR] : unknown field "visiblity" in interfaces[0]; did you mean "visibility"? (svc/pacto.yaml:7:5)\n' +
        '    7 |     visiblity: public\n' +
        '      |     ^\n' +
        '  ERROR [PARSE_ERROR] : no pacto.yaml found in other; run `pacto init <name>` to create one\n' +
        // Line 9 is past the end of the text: no frame rather than a wrong one.
        '  WARN  [TAG_NOT_DIGEST] dependencies[0].ref: pin it (svc/pacto.yaml:9:10)\n',
    );
  });

  it('code frames keep tabs so the caret lines up, and refuse lines that do not exist', () => {
    expect(codeFrame('a: 1\n\tb: "x"\r\nc: 3', 2, 5, '')).toBe('2 | \tb: "x"\n  | \t   ^\n');
    expect(codeFrame('a: 1\n', 3, 1)).toBe('');
    expect(codeFrame('a: 1\n', 0, 1)).toBe('');
  });

  it('JSON: File, Line, Column next to the Go keys, Hint where there is one', () => {
    expect(buildValidationJson('svc', RESULT)).toEqual({
      Path: 'svc',
      Valid: false,
      Errors: [
        {
          Path: '',
          Code: 'PARSE_ERROR',
          Message: 'unknown field "visiblity" in interfaces[0]',
          File: 'svc/pacto.yaml',
          Line: 7,
          Column: 5,
          Hint: 'did you mean "visibility"?',
        },
        { Path: '', Code: 'PARSE_ERROR', Message: 'no pacto.yaml found in other', Hint: 'run `pacto init <name>` to create one' },
      ],
      Warnings: [{ Path: 'dependencies[0].ref', Code: 'TAG_NOT_DIGEST', Message: 'pin it', File: 'svc/pacto.yaml', Line: 9, Column: 10 }],
    });
    expect(Object.keys((buildValidationJson('svc', RESULT)['Errors'] as object[])[0]!)).toEqual([
      'Path',
      'Code',
      'Message',
      'File',
      'Line',
      'Column',
      'Hint',
    ]);
  });

  it('GitHub annotations end the message with the hint', () => {
    expect(renderGithubAnnotations(validationFindings(RESULT, 'svc/pacto.yaml'))).toBe(
      '::error file=svc/pacto.yaml,line=7,col=5,title=pacto validate%3A PARSE_ERROR::unknown field "visiblity" in interfaces[0]; did you mean "visibility"?\n' +
        '::error file=svc/pacto.yaml,title=pacto validate%3A PARSE_ERROR::no pacto.yaml found in other; run `pacto init <name>` to create one\n' +
        '::warning file=svc/pacto.yaml,line=9,col=10,title=pacto validate%3A TAG_NOT_DIGEST::dependencies[0].ref: pin it\n',
    );
  });
});
