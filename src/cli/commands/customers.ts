import type { Command } from 'commander';
import {
  bureauSection,
  consentsSection,
  customerSearchQuerySchema,
  customerSection,
  customerView,
  interactionsSection,
  messagesSection,
  searchCustomers,
} from '../../profiles';
import { renderCustomerView, renderSearchResult } from './customers-render';
import { cliAudit, withStore } from '../store';

// The command line has no role: it shows customers masked, as an analyst sees them, and cannot unmask or
// search by name (an agent does that in the console, audited). Lookups by full phone are audited in the
// name of the operating-system user, like every other CLI change.

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export function registerCustomers(program: Command): void {
  const customers = program.command('customers').description('Look up customers: search and the 360° view, masked / 客户查询与 360° 视图（脱敏）');
  customers
    .command('show')
    .description("One customer's 360° view (personal fields masked)")
    .requiredOption('--db <path>', 'the Cardwise database file')
    .argument('<id>', 'customer id')
    .option('--json', 'print the view as JSON (the API response)')
    .action(async (id: string, o: { db: string; json?: boolean }) => {
      await withStore(o.db, async (db) => {
        const request = { customerId: id };
        // The summary first: an unknown id fails here, before the section reads.
        const summary = await customerView(db, request);
        const [interactions, messages, consents, bureau] = await Promise.all([
          customerSection(db, request, interactionsSection),
          customerSection(db, request, messagesSection),
          customerSection(db, request, consentsSection),
          customerSection(db, request, bureauSection),
        ]);
        const view = { ...summary, interactions, messages, consents, bureau };
        process.stdout.write(o.json ? json(view) : renderCustomerView(view));
      });
    });
  customers
    .command('search')
    .description('Search by customer id (or prefix), masked phone 138****5678 or full phone; results masked')
    .requiredOption('--db <path>', 'the Cardwise database file')
    .argument('<query>', 'id, id prefix, 138****5678 or a full phone number')
    .option('--page <n>', 'page number', '1')
    .option('--page-size <n>', 'results per page (≤ 100)', '20')
    .option('--json', 'print the result as JSON')
    .action(async (q: string, o: { db: string; page: string; pageSize: string; json?: boolean }) => {
      const query = customerSearchQuerySchema.parse({ q, page: o.page, pageSize: o.pageSize });
      await withStore(o.db, async (db) => {
        const result = await searchCustomers(db, query, {
          mayUsePii: false,
          who: { 'zh-CN': '命令行', 'en-US': 'the command line' },
          audit: cliAudit(db),
        });
        process.stdout.write(o.json ? json(result) : renderSearchResult(result));
      });
    });
}
