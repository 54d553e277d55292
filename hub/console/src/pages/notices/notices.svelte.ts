// Window notices as managers see them: asked for whenever the hall connection becomes live and each
// time the hub says they changed; posting and withdrawing go through HallSync (retried with their cmdId).
import type { NoticePostInput } from '@yichuang/shared/notices-schemas';
import type { ListedNotice } from '@yichuang/shared/notices';
import type { Hall } from '@yichuang/shared/ui/hall.svelte';
import { PageState } from '../../page-state.svelte';

export class NoticesState extends PageState {
  list = $state.raw<ListedNotice[]>([]);

  constructor(hall: Hall) {
    super(hall);
    this.follow({ 'notice:changed': () => this.load() });
  }

  load(): void {
    this.ask('notice:list', (list) => (this.list = list));
  }

  post(input: Omit<NoticePostInput, 'cmdId'>): Promise<boolean> {
    return this.command('notice:post', input, () => this.load());
  }

  withdraw(noticeId: string): Promise<boolean> {
    return this.command('notice:withdraw', { noticeId }, () => this.load());
  }
}
