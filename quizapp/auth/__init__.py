"""Accounts on the web: register, log in, log out, and the guards other pages use."""
from flask import Blueprint

bp = Blueprint("auth", __name__, url_prefix="/auth")
