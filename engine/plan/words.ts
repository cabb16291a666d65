import { fold } from '../rules/value';
import type { Progress } from './task';

/** The words of the status dropdown, in order (vi, en). */
export const PROGRESS_WORDS: Readonly<Record<Progress, { vi: string; en: string }>> = Object.freeze({
  done: { vi: 'Hoàn thành', en: 'Done' },
  inProgress: { vi: 'Đang thực hiện', en: 'In progress' },
  notStarted: { vi: 'Chưa thực hiện', en: 'Not started' },
});

const ACCEPTED: Readonly<Record<string, Progress>> = Object.freeze({
  'hoan thanh': 'done',
  'da hoan thanh': 'done',
  done: 'done',
  completed: 'done',
  complete: 'done',
  'dang thuc hien': 'inProgress',
  'dang trien khai': 'inProgress',
  'in progress': 'inProgress',
  inprogress: 'inProgress',
  ongoing: 'inProgress',
  'chua thuc hien': 'notStarted',
  'chua trien khai': 'notStarted',
  'not started': 'notStarted',
  notstarted: 'notStarted',
});

/**
 * A status word as a unit writes it → progress; diacritics and case do not matter.
 * @example progressFromWord('hoàn thành') // "done"
 */
export function progressFromWord(word: string): Progress | undefined {
  return ACCEPTED[fold(word)];
}
