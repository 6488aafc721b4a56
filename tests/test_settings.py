"""Production settings come from the environment and refuse to start without a secret."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "x" * 20 + "-production-secret-key-for-the-deploy-check-0123456789",
    "ALLOWED_HOSTS": "kutubxona.example.uz",
    "DATABASE_URL": "sqlite:////tmp/kutubxona-deploy-check.sqlite3",
}


def run_manage(*args, env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DJANGO_SETTINGS_MODULE", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True
    )


def test_check_deploy_passes_with_the_required_variables():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_cookies_are_secure_host_only_and_http_only():
    """The session and CSRF cookies a browser gets under production settings, from Django's own
    middleware (the session kept in a signed cookie here only because the production database
    is not set up for this check; the cookie's attributes come from the same settings)."""
    script = (
        "from django.http import HttpResponse\n"
        "from django.middleware.csrf import CsrfViewMiddleware, get_token\n"
        "from django.contrib.sessions.middleware import SessionMiddleware\n"
        "from django.test import RequestFactory, override_settings\n"
        "def view(request):\n"
        "    get_token(request)\n"
        "    request.session['signed_in'] = True\n"
        "    return HttpResponse()\n"
        "with override_settings(SESSION_ENGINE='django.contrib.sessions.backends.signed_cookies'):\n"
        "    request = RequestFactory().get('/admin/', secure=True, HTTP_HOST='kutubxona.example.uz')\n"
        "    response = SessionMiddleware(CsrfViewMiddleware(view))(request)\n"
        "for name, m in response.cookies.items():\n"
        "    print(name, bool(m['secure']), bool(m['httponly']), m['samesite'], m['path'], m['domain'] or '-',"
        " m['max-age'], sep='|')\n"
    )
    result = run_manage("shell", "-c", script, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    cookies = {line.split("|")[0]: line.split("|")[1:] for line in result.stdout.split()}
    # __Host- cookies must be Secure, for path "/" and without a Domain, or browsers refuse them.
    assert cookies["__Host-csrftoken"][:5] == ["True", "False", "Lax", "/", "-"]
    assert cookies["__Host-sessionid"] == ["True", "True", "Lax", "/", "-", str(12 * 60 * 60)]
