import type { setupNames } from '../../../shared/setup/names';
import type { DomainHandlers } from '../../core/handler';
import { checklist, reviewPolicy } from './checklist';
import { importRows, previewImport } from './import';
import { importTemplate, passwordSheet } from './sheets';

export const setupHandlers: DomainHandlers<(typeof setupNames.operations)[number]> = {
  'setup.checklist': (ctx) => checklist(ctx),
  'setup.reviewPolicy': (ctx) => reviewPolicy(ctx),
  'setup.importTemplate': (_ctx, input) => importTemplate(input.language),
  'setup.importPreview': (ctx, input) => previewImport(ctx, input),
  'setup.import': (ctx, input) => importRows(ctx, input),
  'setup.passwordSheet': (_ctx, input) => passwordSheet(input.language, input.rows),
};
