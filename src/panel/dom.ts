/**
 * The only way the panel builds markup: elements and text nodes. Deal names,
 * tasks and server messages are user data, so nothing here parses HTML.
 */
export type Child = Node | string | number | null | undefined | false;

/** Attributes by name; `true` sets a boolean attribute, `false`/`undefined` leaves it off. */
export type Attrs = Record<string, string | number | boolean | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** A section with a heading that labels it for screen readers. */
export function section(id: string, title: Child, ...children: Child[]): HTMLElement {
  return el(
    'section',
    { class: 'card', 'aria-labelledby': `${id}-h` },
    el('h2', { id: `${id}-h` }, title),
    ...children,
  );
}

/** Clears a container and fills it again. */
export function replaceChildren(parent: HTMLElement, children: readonly Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}
