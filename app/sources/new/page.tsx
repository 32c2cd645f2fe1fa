import type { Metadata } from 'next';
import { PasteForm } from '@/app/_components/sources/paste-form';
import { UploadBatch } from '@/app/_components/sources/upload-batch';
import { requireAnalyst } from '@/app/_lib/session';
import { MAX_FILE_BYTES } from '@/lib/ingest';

export const metadata: Metadata = { title: 'Add sources' };

export default async function NewSourcesPage() {
  await requireAnalyst('/sources/new');
  return (
    <>
      <p className="text-sm text-slate-700">
        <a href="/sources">Sources</a> › Add
      </p>
      <h1 className="text-2xl font-bold">Add sources</h1>
      <p className="max-w-3xl text-sm">
        Each article is stored with the quotes the extractor suggests; they become evidence only when you accept them in the{' '}
        <a href="/review">review queue</a>. An article already stored (the same text, or the same address) is reported as a duplicate and
        nothing changes.
      </p>
      <div className="grid gap-6 xl:grid-cols-2">
        <UploadBatch maxBytes={MAX_FILE_BYTES} />
        <PasteForm />
      </div>
    </>
  );
}
