"""Small widgets and item delegates shared by the pages."""
