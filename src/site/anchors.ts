/** Anchors inside pages, shared by the components that link to them. */

/**
 * The anchor of a body's description on a partnership's or structure's page.
 *
 * @example
 * bodyAnchor({ id: 'executive' }) // 'body-executive'
 */
export function bodyAnchor(body: { id: string }): string {
  return `body-${body.id}`;
}
