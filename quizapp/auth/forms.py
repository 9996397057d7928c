"""Registering and logging in."""
from zoneinfo import available_timezones

from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, Regexp

USERNAME_RULE = Regexp(r"^[A-Za-z0-9_.-]+$", message="Use letters, digits, dots, dashes or underscores only.")


class RegisterForm(FlaskForm):
    username = StringField("Username", validators=[DataRequired("Choose a username."), Length(3, 40), USERNAME_RULE])
    password = PasswordField(
        "Password", validators=[DataRequired("Choose a password."), Length(8, 200, "Use at least 8 characters.")]
    )
    confirm = PasswordField(
        "Confirm password",
        validators=[DataRequired("Type the password again."), EqualTo("password", "The passwords do not match.")],
    )
    timezone = HiddenField(default="UTC")

    def validate_timezone(self, field):
        if field.data not in available_timezones():
            field.data = "UTC"  # set by the page's script; without it the day starts at UTC midnight


class LoginForm(FlaskForm):
    username = StringField("Username", validators=[DataRequired("Enter your username.")])
    password = PasswordField("Password", validators=[DataRequired("Enter your password.")])
    remember = BooleanField("Keep me logged in")


class ChangePasswordForm(FlaskForm):
    current = PasswordField("Current password", validators=[DataRequired("Enter your current password.")])
    new = PasswordField("New password",
                        validators=[DataRequired("Choose a new password."), Length(8, 200, "Use at least 8 characters.")])
    confirm = PasswordField(
        "Confirm password",
        validators=[DataRequired("Type the new password again."), EqualTo("new", "The passwords do not match.")],
    )
