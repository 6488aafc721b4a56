"""What the import commands share: options, the target collection, progress and the final report."""

import resource

from django.core.management.base import CommandError

from catalogue.models import CollectionPage


def add_writer_options(parser):
    parser.add_argument("--dry-run", action="store_true", help="Read and check everything, write nothing.")
    parser.add_argument("--draft", action="store_true", help="Save new items as drafts instead of publishing them.")
    parser.add_argument("--collection", help="Put every item in this collection (page id or slug).")
    parser.add_argument("--limit", type=int, default=0, help="Stop after this many records.")
    parser.add_argument("--batch-size", type=int, default=500, help="Records per transaction (default 500).")
    parser.add_argument(
        "--no-index",
        action="store_true",
        help="Do not update the search index; run `manage.py update_index` afterwards.",
    )


def collection_from(ref):
    if not ref:
        return None
    pages = CollectionPage.objects.all()
    page = pages.filter(pk=int(ref)).first() if ref.isdigit() else pages.filter(slug=ref).first()
    if page is None:
        raise CommandError(f"There is no collection “{ref}” (give a collection page id or slug).")
    return page


def limited(entries, limit):
    for n, entry in enumerate(entries, start=1):
        yield entry
        if limit and n >= limit:
            return


def peak_memory_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def finish(command, report, dry_run):
    for warning in report.warnings:
        command.stdout.write(f"warning: {warning}")
    prefix = "Dry run (nothing written): " if dry_run else ""
    command.stdout.write(prefix + report.summary() + f"; peak memory {peak_memory_mb():.0f} MB")
    if report.failed:
        raise CommandError(f"{report.failed} record(s) failed; see the messages above.", returncode=2)
