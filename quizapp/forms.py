"""What the forms of every blueprint share."""
from wtforms import SelectChoice


def options(pairs):
    """(value, label) pairs as WTForms select choices."""
    return [SelectChoice(value, label) for value, label in pairs]
