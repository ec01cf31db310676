// Book module
