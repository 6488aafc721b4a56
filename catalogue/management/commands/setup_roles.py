"""`manage.py setup_roles`: the staff groups and review workflows of docs/roles.md. Safe to run again.

Only adds what is missing: it never removes a permission, a task or a workflow assignment an
administrator has added or changed in the admin. Page permissions and page workflows need the
pages; on an empty database they are skipped (and said so), and a later run adds them.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from catalogue.roles import ROLES, TASKS, WORKFLOWS


def get_permission(name):
    """The Permission for `app_label.codename`, or None when that permission does not exist here."""
    app_label, codename = name.split(".", 1)
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def page_permission(action):
    return Permission.objects.get(content_type=ContentType.objects.get_for_model(Page), codename=f"{action}_page")


def pages_of(kind):
    if kind == "site_root":
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        return [site.root_page] if site else []
    model = apps.get_model(kind)
    return list(model.objects.order_by("path"))


class Command(BaseCommand):
    help = "Create the staff groups (Cataloguers, Digitisation, Curators, Educators, Reviewers) and review workflows."

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        self.created = 0
        with transaction.atomic():
            groups = {name: self.setup_group(name, spec) for name, spec in ROLES.items()}
            tasks = {
                name: self.setup_task(name, [groups[g] for g in group_names]) for name, group_names in TASKS.items()
            }
            for spec in WORKFLOWS:
                self.setup_workflow(spec, tasks)
        if self.created:
            self.say(self.style.SUCCESS(f"Roles and workflows set up ({self.created} objects added)."), level=1)
        else:
            self.say(self.style.SUCCESS("Roles and workflows already set up; nothing to do."), level=1)

    def say(self, message, level=2):
        if self.verbosity >= level:
            self.stdout.write(message)

    def warn(self, message):
        if self.verbosity >= 1:
            self.stdout.write(self.style.WARNING(message))

    # --- Groups --------------------------------------------------------------------------

    def setup_group(self, name, spec):
        group, created = Group.objects.get_or_create(name=name)
        self.created += created
        self.say(f"{'Created' if created else 'Checked'} group {name}")

        have = set(group.permissions.values_list("pk", flat=True))
        for perm_name in spec["permissions"]:
            permission = get_permission(perm_name)
            if permission is None:
                self.warn(f"  {name}: no permission {perm_name} here; skipped")
            elif permission.pk not in have:
                group.permissions.add(permission)
                self.created += 1

        root = Collection.get_first_root_node()
        for perm_name in spec["collection_permissions"]:
            permission = get_permission(perm_name)
            if permission is None:
                self.warn(f"  {name}: no permission {perm_name} here; skipped")
                continue
            _, created = GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission
            )
            self.created += created

        for kind, actions in spec["page_permissions"].items():
            pages = pages_of(kind)
            if not pages:
                self.warn(f"  {name}: no {kind} page yet; page permissions not given (run setup_roles again later)")
            for page in pages:
                for action in actions:
                    _, created = GroupPagePermission.objects.get_or_create(
                        group=group, page=page, permission=page_permission(action)
                    )
                    self.created += created
        return group

    # --- Workflows -----------------------------------------------------------------------

    def setup_task(self, name, groups):
        task = GroupApprovalTask.objects.filter(name=name).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=name)
            task.groups.set(groups)
            self.created += 1
            self.say(f"Created task {name}")
        return task

    def setup_workflow(self, spec, tasks):
        name = spec["name"]
        workflow = Workflow.objects.filter(name=name).first()
        if workflow is None:
            workflow = Workflow.objects.create(name=name)
            self.created += 1
            self.say(f"Created workflow {name}")
        if not WorkflowTask.objects.filter(workflow=workflow).exists():
            # A workflow's tasks are only set when it has none: an administrator's edits stand.
            for sort_order, task_name in enumerate(spec["tasks"]):
                WorkflowTask.objects.create(workflow=workflow, task=tasks[task_name], sort_order=sort_order)
                self.created += 1

        for label in spec["models"]:
            content_type = ContentType.objects.get_for_model(apps.get_model(label))
            assigned = WorkflowContentType.objects.filter(content_type=content_type).select_related("workflow").first()
            if assigned is None:
                WorkflowContentType.objects.create(workflow=workflow, content_type=content_type)
                self.created += 1
            elif assigned.workflow_id != workflow.pk:
                self.warn(f"  {label} already uses workflow {assigned.workflow.name}; left as it is")

        for kind in spec["pages"]:
            pages = pages_of(kind)
            if not pages:
                self.warn(f"  {name}: no {kind} page yet; workflow not assigned (run setup_roles again later)")
            for page in pages:
                assigned = WorkflowPage.objects.filter(page=page).select_related("workflow").first()
                if assigned is None:
                    WorkflowPage.objects.create(workflow=workflow, page=page)
                    self.created += 1
                elif assigned.workflow_id != workflow.pk:
                    self.warn(f"  {page} already uses workflow {assigned.workflow.name}; left as it is")

        if not workflow.active:
            self.warn(f"  Workflow {name} is disabled in the admin; left disabled")
