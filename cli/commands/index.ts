import type { Command } from './types';
import { sipasCommand } from './sipas';
import { templatesCommand } from './templates';
import { importCommand } from './import';
import { scoreCommand } from './score';
import { demoCommand } from './demo';
import { validateCommand } from './validate';
import { planCommand } from './plan';
import { frameworksCommand } from './frameworks';
import { reportCommand } from './report';
import { explainCommand } from './explain';
import { lockCommand } from './lock';
import { serveCommand } from './serve';

/** The command table. Each command lives in its own file in this folder. */
export const commands: readonly Command[] = Object.freeze([scoreCommand, sipasCommand, templatesCommand, importCommand, validateCommand, planCommand, reportCommand, explainCommand, lockCommand, frameworksCommand, demoCommand, serveCommand]);
