"""The teacher's side: the class and its results, the question bank, review, import and export."""
from flask import Blueprint

bp = Blueprint("teacher", __name__, url_prefix="/teacher")
