import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../core/config.ts';
import { loadExamples } from '../../../server/ide/examples.ts';
import { idePage } from '../../../server/ide/ide-page.ts';

describe('the IDE examples', () => {
  const examples = loadExamples();

  it('are the four operations the issue asks for, in order', () => {
    expect(examples.map((e) => e.name)).toEqual(['TraceAnObligation', 'WhatALocalHealthBoardMustDo', 'WhatRestsOnAnAct', 'Search']);
  });

  it('each start with the comment that says what they answer', () => {
    for (const example of examples) expect(example.text).toMatch(/^# \S/);
  });

  it('appear word for word in the README', () => {
    const readme = readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
    for (const example of examples) expect(readme).toContain(`\`\`\`graphql\n${example.text}\n\`\`\``);
  });

  it('open as the IDE page\'s tabs, in JSON no "</script>" can break out of', () => {
    const page = idePage([{ name: 'Evil', text: '# </script><script>alert(1)</script>\nquery Evil { __typename }' }]);
    expect(page).not.toContain('</script><script>');
    const json = /<script type="application\/json" id="ide-options">(.*)<\/script>/.exec(page)?.[1] ?? '';
    expect(JSON.parse(json)).toEqual({
      title: 'care-code-graph',
      endpoint: 'graphql',
      query: '# </script><script>alert(1)</script>\nquery Evil { __typename }',
      defaultTabs: [{ query: '# </script><script>alert(1)</script>\nquery Evil { __typename }' }],
    });
  });
});
