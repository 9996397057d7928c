"""The student's side: the dashboard, study sessions (quiz and flashcards), progress."""
from flask import Blueprint

bp = Blueprint("study", __name__, url_prefix="/study")
