"""What the forms of every blueprint share."""
from wtforms import SelectChoice
from wtforms.validators import ValidationError


def options(pairs):
    """(value, label) pairs as WTForms select choices."""
    return [SelectChoice(value, label) for value, label in pairs]


def at_most(limit, what):
    """A length check that says how long the text is, and sets no maxlength on the input.

    WTForms' Length renders maxlength, and a browser cuts a longer paste there without a word:
    here the whole text comes back to the form with the message beside it."""
    def check(form, field):
        if field.data and len(field.data) > limit:
            raise ValidationError(f"{what} has at most {limit:,} characters; this one has {len(field.data):,}.")
    return check
