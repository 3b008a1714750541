import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../electron/core/import/parse/csv-records';

describe('readCsv', () => {
  it('keeps quotes, commas and newlines inside fields, and gives each row the line it starts on', () => {
    const table = readCsv('a,b,c\n1,"say ""hi"", twice\nand again",3\n\n2,plain,"x,y"\n');
    expect(table.header).toEqual(['a', 'b', 'c']);
    expect(table.rows).toEqual([
      { fields: ['1', 'say "hi", twice\nand again', '3'], line: 2 },
      { fields: ['2', 'plain', 'x,y'], line: 5 },
    ]);
    expect(table.problems).toEqual([]);
  });

  it('counts lines right with Windows line endings inside quoted fields', () => {
    const table = readCsv('\ufeffa,b\r\n"x\r\ny",1\r\nz,2\r\n');
    expect(table.header).toEqual(['a', 'b']);
    expect(table.rows).toEqual([
      { fields: ['x\ny', '1'], line: 2 },
      { fields: ['z', '2'], line: 4 },
    ]);
  });

  it('reports a quote that never closes with its line and reads the rows after it', () => {
    const table = readCsv('a,b\n1,ok\n2,"broken\n3,fine\n4,also fine\n');
    expect(table.rows.map((r) => [r.fields[0], r.line])).toEqual([
      ['1', 2],
      ['3', 4],
      ['4', 5],
    ]);
    expect(table.problems).toEqual([{ line: 3, reason: expect.stringContaining('never closed') }]);
  });

  it('reads a stray quote inside an unquoted field as text', () => {
    expect(readCsv('a,b\n5" screen,1\n').rows[0].fields).toEqual(['5" screen', '1']);
  });
});
