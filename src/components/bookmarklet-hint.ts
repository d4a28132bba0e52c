/**
 * Clicking the "Suggest this page" link on the Contribute page itself would suggest the Contribute
 * page (and the site's Content-Security-Policy blocks `javascript:` links here anyway): the click is
 * turned into a hint to drag the link to the bookmarks bar instead.
 */
export function installBookmarkletHint(root: ParentNode = document): void {
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[data-suggest-bookmarklet]')) {
    const status = link.parentElement?.querySelector<HTMLElement>('[data-bookmarklet-status]');
    link.addEventListener('click', (event) => {
      event.preventDefault();
      if (status) status.textContent = 'Drag this link to your bookmarks bar, then click it there while you read an article.';
    });
  }
}
