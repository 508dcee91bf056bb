"""Help: the keyboard shortcuts sheet, the guide and the glossary."""
