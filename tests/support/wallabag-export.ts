/** A Wallabag JSON export of `count` articles with their content: an import that fetches nothing. */
export function wallabagExport(count: number, origin = 'https://example.org'): string {
  const words = 'tide harbour gauge moon reading rhythm weather window table sea'.split(' ');
  const paragraph = (i: number, p: number) =>
    `<p>${Array.from({ length: 60 }, (_, w) => words[(i * 7 + p * 3 + w) % words.length]).join(' ')}.</p>`;
  return JSON.stringify(
    Array.from({ length: count }, (_, i) => ({
      title: `Imported story ${i}`,
      url: `${origin}/stories/${i}`,
      is_archived: i % 5 === 0 ? 1 : 0,
      is_starred: 0,
      tags: [`batch-${i % 10}`],
      content: `<article><h1>Imported story ${i}</h1>${[0, 1, 2, 3, 4].map((p) => paragraph(i, p)).join('')}</article>`,
      created_at: '2024-03-05T11:12:44+0200',
    })),
  );
}
