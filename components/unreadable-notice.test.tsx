// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { UnreadableNotice } from './unreadable-notice';

const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));

describe('UnreadableNotice', () => {
  it('names the fields that could not be read', () => {
    act(() => render(<UnreadableNotice fields={['priority', 'group']} />, root));
    expect(root.querySelector('[role="status"]')?.textContent).toContain('Could not read: priority, group.');
  });

  it('says when the whole page could not be read', () => {
    act(() => render(<UnreadableNotice pageError="no ticket header found" />, root));
    expect(root.textContent).toBe('Tierline could not read this page: no ticket header found');
  });

  it('renders nothing when everything was read', () => {
    act(() => render(<UnreadableNotice fields={[]} />, root));
    expect(root.innerHTML).toBe('');
  });
});
