"""Admin sign-in resists password guessing; passwords must be strong."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


def sign_in(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password})


def test_repeated_wrong_passwords_lock_the_account_from_that_address(client, django_user_model, settings):
    django_user_model.objects.create_superuser("curator", "c@example.org", "a-long-correct-passphrase")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "curator", "guess")
    response = sign_in(client, "curator", "a-long-correct-passphrase")
    assert response.status_code in (403, 429)
    assert "_auth_user_id" not in client.session
    # Another account is not locked by someone guessing this one.
    django_user_model.objects.create_superuser("editor", "e@example.org", "another-long-passphrase")
    assert sign_in(client, "editor", "another-long-passphrase").status_code == 302


def test_a_correct_password_before_the_limit_signs_in_and_resets_the_count(client, django_user_model, settings):
    django_user_model.objects.create_superuser("curator", "c@example.org", "a-long-correct-passphrase")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "curator", "guess")
    assert sign_in(client, "curator", "a-long-correct-passphrase").status_code == 302


@pytest.mark.parametrize("password", ["short", "kutubxona", "12345678901234", "password123456"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)
