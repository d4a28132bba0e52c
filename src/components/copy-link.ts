/**
 * The "Copy link" button on permalink pages. Without JavaScript the button stays hidden and the
 * permalink is shown as a plain link beside it, so nothing is lost.
 */
export function installCopyLinks(root: ParentNode = document): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-copy-link]')) {
    const url = button.dataset['copyLink'];
    const status = button.parentElement?.querySelector<HTMLElement>('[data-copy-status]');
    if (!url || !navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener('click', () => {
      navigator.clipboard.writeText(url).then(
        () => {
          if (status) status.textContent = 'Link copied.';
        },
        () => {
          if (status) status.textContent = 'Could not copy; select the link and copy it instead.';
        },
      );
    });
  }
}
